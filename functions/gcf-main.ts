import { cloudEvent, http } from '@google-cloud/functions-framework';
import { createGcfEntry } from './gcf.ts';

/**
 * Google Cloud Functions entry points (deploy with infra/deploy/gcf/deploy.sh):
 *   juri            — HTTP, the same Hono app as the Worker
 *   juriFormsPubsub — CloudEvent from the Forms API watch's Pub/Sub topic
 *   juriJobs        — CloudEvent from Cloud Scheduler's topic (score sync, watch renewal)
 */
const entry = createGcfEntry(process.env);

http('juri', entry.http);
cloudEvent('juriFormsPubsub', entry.formsPubsub);
cloudEvent('juriJobs', entry.jobs);
