import { Hono } from 'hono';
import type { AppEnv } from '../services.ts';

export const scoresRoutes = new Hono<AppEnv>();
