/**
 * The competition config bundled into the Worker. wrangler.toml's [alias] maps this name to a JSON
 * file under infra/competitions/, so switching competitions is a config change, not a code change.
 */
declare module 'juri-bundled-competition' {
  const config: unknown;
  export default config;
}
