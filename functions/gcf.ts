import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CloudEvent } from '@google-cloud/functions-framework';
import { getRequestListener } from '@hono/node-server';
import { AppError } from '../shared/errors.ts';
import type { Clock } from '../shared/ports.ts';
import { createApp } from './app.ts';
import { type GoogleEnv, parseGoogleEnv } from './compose/env.ts';
import { composeGoogleNodeServices, createNodeGoogleClients } from './compose/google-node.ts';
import type { Services } from './compose/services.ts';
import { handleFormsNotification, renewWatches } from './intake/forms-watch.ts';
import { archivePayload } from './intake/ingest.ts';
import { pubsubEnvelopeSchema } from './intake/payloads.ts';
import { scheduledSync } from './scores/sync.ts';

/** What a Pub/Sub-triggered CloudEvent carries (google.cloud.pubsub.topic.v1.messagePublished). */
export interface PubsubEventData {
  message: { data?: string; attributes?: Record<string, string>; messageId?: string; publishTime?: string };
  subscription?: string;
}

export type JuriJob = 'sync' | 'renew-watches';

export interface GcfEntry {
  /** The whole Hono app (same routes as the Worker), as a Node request listener. */
  http: ReturnType<typeof getRequestListener>;
  /** The Forms API watch's Pub/Sub topic, delivered by Eventarc: no OIDC check needed in code. */
  formsPubsub: (event: CloudEvent<PubsubEventData>) => Promise<void>;
  /** Cloud Scheduler → Pub/Sub → this: message attribute `job` = 'sync' | 'renew-watches'. */
  jobs: (event: CloudEvent<PubsubEventData>) => Promise<void>;
}

export interface GcfDeps {
  clock?: Clock;
}

/**
 * The composition root for Cloud Functions. process.env does not change while an instance lives, so
 * the env is parsed and the clients (a Firestore gRPC channel) made once, on the first request — a bad
 * setting then answers every request with a message that names it instead of crash-looping.
 * COMPETITION_FILE (a JSON file shipped with the function) is read when COMPETITION_JSON is not set.
 */
export function createGcfEntry(env: NodeJS.ProcessEnv, deps: GcfDeps = {}): GcfEntry {
  let ready: { env: GoogleEnv; services: Services } | undefined;
  const load = () => {
    if (ready) return ready;
    const parsed = parseGoogleEnv(env, { runtime: 'node', bundledCompetition: readCompetitionFile(env) });
    const services = composeGoogleNodeServices(parsed, createNodeGoogleClients(parsed), deps);
    ready = { env: parsed, services };
    return ready;
  };
  const app = createApp(() => load().services);

  return {
    http: getRequestListener(app.fetch),
    formsPubsub: async (event) => {
      const { services } = load();
      const body = JSON.stringify(event.data ?? {});
      await archivePayload(services, 'forms-api', body, undefined);
      const envelope = pubsubEnvelopeSchema.safeParse(event.data);
      if (!envelope.success) return; // not a Forms notification; archived for the record, nothing to redeliver
      await handleFormsNotification(services, envelope.data, services.lang);
    },
    jobs: async (event) => {
      const { env: parsed, services } = load();
      const job = event.data?.message.attributes?.job ?? decodeData(event.data?.message.data);
      if (job === 'sync') await scheduledSync(services);
      else if (job === 'renew-watches') await renewWatches(services, parsed.formsWatchTopic);
      else throw new Error(`juri: unknown job "${job ?? ''}" (expected 'sync' or 'renew-watches')`);
    },
  };
}

function readCompetitionFile(env: NodeJS.ProcessEnv): unknown {
  const file = env.COMPETITION_FILE;
  if (!file || env.COMPETITION_JSON) return undefined;
  try {
    return JSON.parse(readFileSync(resolve(file), 'utf8'));
  } catch (cause) {
    throw new AppError(
      'internal',
      {
        id: `File konfigurasi lomba ${file} (COMPETITION_FILE) tidak dapat dibaca atau bukan JSON.`,
        en: `The competition config file ${file} (COMPETITION_FILE) cannot be read or is not JSON.`,
      },
      { cause },
    );
  }
}

function decodeData(data: string | undefined): string | undefined {
  return data ? Buffer.from(data, 'base64').toString('utf8').trim() : undefined;
}
