import { Hono } from 'hono';
import type { AppEnv } from '../services.ts';

export const intakeRoutes = new Hono<AppEnv>();
