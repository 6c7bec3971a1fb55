/**
 * The few Workers runtime types juri's entry uses: the full runtime types clash with Node's and the DOM's.
 * ExecutionContext comes from hono.
 */
type ExecutionContext = import('hono').ExecutionContext;

interface ScheduledController {
  readonly cron: string;
  readonly scheduledTime: number;
  noRetry(): void;
}

interface ExportedHandler<E> {
  fetch?: (request: Request, env: E, ctx: ExecutionContext) => Response | Promise<Response>;
  scheduled?: (controller: ScheduledController, env: E, ctx: ExecutionContext) => void | Promise<void>;
}
