import { Hono } from 'hono';
import type { AppEnv } from '../services.ts';

export const adminRoutes = new Hono<AppEnv>();
