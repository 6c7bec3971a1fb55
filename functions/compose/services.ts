import { createLocalJWKSet, type JWTVerifyGetKey } from 'jose';
import type { Competition } from '../../shared/domain/competition.ts';
import type { Lang } from '../../shared/domain/i18n.ts';
import type { IntakeRulesOf } from '../../shared/domain/intake-rules.ts';
import type { Clock, CompetitionStores, FormResponses, ScoreSheet, XlsxWriter } from '../../shared/ports.ts';
import type { JurorTabsOf } from '../scores/juror-tabs-cache.ts';
import type { Stopping } from './stopping.ts';

/** Everything a route needs, built by one composition root per runtime and injected per request. */
export interface Services {
  competition: Competition;
  /** The competition's data, port by port (its id bound once, by the composition root). */
  stores: CompetitionStores;
  /** Absent until a sheet is configured; routes that need it answer 503. */
  sheet: ScoreSheet | undefined;
  forms: FormResponses | undefined;
  /** Pub/Sub topic (projects/…/topics/…) for the Forms RESPONSES watch; renewal creates the watch when set. */
  formsWatchTopic: string | undefined;
  clock: Clock;
  secrets: Secrets;
  /** Default language of messages when the request does not ask for one. */
  lang: Lang;
  /** Keys that sign Pub/Sub push tokens: Google's in Google mode, none in local mode, the tests' own in tests. */
  pubsubKeys: JWTVerifyGetKey;
  /**
   * A competition's intake rules (schema, lookups, window), derived once per config object: the
   * composition roots share one cache per deployment; without one (hand-built services in a test or a
   * bench) intake derives them for each submission.
   */
  intakeRules?: IntakeRulesOf;
  /**
   * A competition's juror tabs, laid out once per config object (every cron tick reads them): the
   * Google composition root keeps one cache per deployment; without one they are laid out per read.
   */
  jurorTabs?: JurorTabsOf;
  /**
   * A competition's config hash (what a sync's read digests are taken in), once per config object: the
   * composition roots keep one cache per deployment; without one each sync hashes the config.
   */
  configKeys?: (c: Competition) => Promise<string>;
  /** Writes the secretariat's .xlsx downloads. */
  xlsx: XlsxWriter;
  /**
   * Where a request's client address can be trusted from, for the sign-in lockout and uji publik's
   * spacing: the TCP peer on a bare Node server (the default), Cloudflare's header on Workers, the
   * front end's X-Forwarded-For hop on Cloud Functions or behind a proxy named by TRUSTED_PROXY.
   */
  clientAddress?: ClientAddressSource;
  /** Where a person opens the Sheet: its address in Google mode, the workbook file in local mode. */
  sheetLink?: { url: string } | { file: string };
  /**
   * The Host values a Node server answers (http/host-check.ts), against DNS rebinding; unset where the
   * runtime routes by name itself (Workers, Cloud Functions) and in tests through app.request.
   */
  allowedHosts?: string[];
  /** Local mode only: GET /daftar serves a form with the Form's questions, posted through the same intake. */
  localForm?: boolean;
  /** How long the dashboard's sync button waits on the Sheet; BUTTON_SYNC_BUDGET_MS (20 s) when unset. */
  buttonSyncBudgetMs?: number;
  /** A long-running Node process's clean stop (`juri serve`): work under a lease ends and frees it first. */
  stopping?: Stopping;
}

/**
 * The competitions one deployment serves, each with its own services, in the config's order (one
 * competition is a list of one). The composition root builds it; a middleware binds one per request.
 */
export type Deployment = readonly Services[];

/**
 * `hops`: how many trusted proxies append to X-Forwarded-For; the client is that many entries from the
 * end, and anything before it was written by the client.
 */
export type ClientAddressSource = 'socket' | 'cf-connecting-ip' | { header: 'x-forwarded-for'; hops: number };

export interface Secrets {
  /** Shared with the Apps Script trigger, for the HMAC signature. */
  intakeHmac: string | undefined;
  /** Secretariat's admin token (Bearer) for admin routes and the dashboard. */
  adminToken: string | undefined;
  /** Pub/Sub push: expected OIDC audience and service account. */
  pubsubAudience: string | undefined;
  pubsubServiceAccount: string | undefined;
}

export type AppEnv = {
  Variables: {
    /** The request's competition's services (functions/http/competition.ts). */
    services: Services;
    /** Every competition of the deployment, for the root page and the console's switch. */
    deployment: Deployment;
    requestId: string;
    lang: Lang;
    /** Set by hono/language; read through `lang`. */
    language: string;
  };
};

export const systemClock: Clock = { now: () => new Date() };

/** Local mode has no Pub/Sub: no push token can verify. */
export const NO_PUSH_KEYS: JWTVerifyGetKey = createLocalJWKSet({ keys: [] });
