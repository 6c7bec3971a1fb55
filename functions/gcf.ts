import type { RequestListener } from 'node:http';
import { resolve } from 'node:path';
import type { CloudEvent } from '@google-cloud/functions-framework';
import { AppError } from '../shared/errors.ts';
import { bilingual } from '../shared/messages/catalogue/t.ts';
import type { Clock } from '../shared/ports.ts';
import { createApp } from './app.ts';
import { readConfigInput } from './cli/io.ts';
import { defaultCompetition } from './compose/deployment.ts';
import { composeNode } from './compose/node.ts';
import type { Deployment } from './compose/services.ts';
import { nodeListener } from './http/node-server.ts';
import { receiveFormsPush, watchingCompetition } from './intake/forms-watch.ts';
import { isJob, runJob } from './jobs.ts';

/** What a Pub/Sub-triggered CloudEvent carries (google.cloud.pubsub.topic.v1.messagePublished). */
export interface PubsubEventData {
  message: { data?: string; attributes?: Record<string, string>; messageId?: string; publishTime?: string };
  subscription?: string;
}

export interface GcfEntry {
  /** The whole Hono app (same routes as the Worker), as a Node request listener. */
  http: RequestListener;
  /** The Forms API watch's Pub/Sub topic, delivered by Eventarc: no OIDC check needed in code. */
  formsPubsub: (event: CloudEvent<PubsubEventData>) => Promise<void>;
  /** Cloud Scheduler → Pub/Sub → this: message attribute `job` = 'sync' | 'renew-watches'. */
  jobs: (event: CloudEvent<PubsubEventData>) => Promise<void>;
}

export interface GcfDeps {
  clock?: Clock;
}

/**
 * The Cloud Functions entry. process.env does not change while an instance lives, so the services
 * (with a Firestore gRPC channel) are composed once, on the first request: a bad setting then answers
 * every request with a message that names it instead of crash-looping.
 * COMPETITION_FILE (a JSON file, or a folder of them, shipped with the function) is read when
 * COMPETITION_JSON is not set.
 */
export function createGcfEntry(env: NodeJS.ProcessEnv, deps: GcfDeps = {}): GcfEntry {
  let ready: Promise<Deployment> | undefined;
  const load = (): Promise<Deployment> => {
    ready ??= Promise.resolve()
      .then(() =>
        composeNode({
          env,
          allowLocal: false,
          lang: 'id',
          bundledCompetition: readCompetitionFile(env),
          // Behind Google's front end the socket is Google's: it appends the client to X-Forwarded-For,
          // and TRUSTED_PROXY_HOPS counts any load balancer of the deployment's own in front of it.
          frontEnd: { header: 'x-forwarded-for', hops: 1 },
          ...(deps.clock ? { clock: deps.clock } : {}),
        }),
      )
      .then((rt): Deployment => rt.deployment);
    // A failed start is retried by the next request rather than remembered.
    ready.catch(() => {
      ready = undefined;
    });
    return ready;
  };
  const app = createApp(load);

  return {
    http: nodeListener(app.fetch),
    formsPubsub: async (event) => {
      // Not a Forms notification: archived for the record, nothing to redeliver.
      const formId = event.data?.message.attributes?.formId;
      const deployment = await load();
      const watching = watchingCompetition(deployment, formId, await defaultCompetition(deployment));
      await receiveFormsPush(watching, JSON.stringify(event.data ?? {}));
    },
    jobs: async (event) => {
      const job = event.data?.message.attributes?.job ?? decodeData(event.data?.message.data);
      if (!isJob(job))
        throw new AppError('bad_request', bilingual('cli.jobs.unknownJob', { job: job ?? '' }));
      await runJob(await load(), job);
    },
  };
}

/** The competition whose Form the notification is about; the default one when none watches it. */
function readCompetitionFile(env: NodeJS.ProcessEnv): unknown {
  const file = env.COMPETITION_FILE;
  if (!file || env.COMPETITION_JSON) return undefined;
  try {
    return readConfigInput(resolve(file));
  } catch (cause) {
    throw new AppError('internal', bilingual('cli.gcf.competitionFileUnreadable', { file }), { cause });
  }
}

function decodeData(data: string | undefined): string | undefined {
  return data ? Buffer.from(data, 'base64').toString('utf8').trim() : undefined;
}
