/**
 * The secrets (`wrangler secret put`) that `wrangler types` cannot see, since they are never in
 * wrangler.toml; merged into the generated Env (functions/worker-configuration.d.ts).
 */
declare namespace Cloudflare {
  interface Env {
    GOOGLE_SERVICE_ACCOUNT_JSON?: string;
    INTAKE_HMAC_SECRET?: string;
    ADMIN_TOKEN?: string;
    COMPETITION_JSON?: string;
  }
}
