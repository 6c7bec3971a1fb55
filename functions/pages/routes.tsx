import { Hono } from 'hono';
import type { AppEnv } from '../services.ts';

export const pagesRoutes = new Hono<AppEnv>();
