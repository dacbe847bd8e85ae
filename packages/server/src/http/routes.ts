import { authRoutes } from '../modules/auth/routes.ts';
import type { RoutePlugin } from './api-server.ts';

/** Every module's routes, in the order they appear in the OpenAPI document. */
export const apiRoutePlugins: readonly RoutePlugin[] = [authRoutes];
