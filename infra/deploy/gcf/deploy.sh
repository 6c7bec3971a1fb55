#!/usr/bin/env bash
# Deploys juri to Google Cloud Functions (2nd gen) with keyless credentials (the function's own
# service account; Application Default Credentials). See infra/deploy/gcf/README.md and docs/deploy.md.
#
#   PROJECT=my-project SPREADSHEET_ID=... infra/deploy/gcf/deploy.sh [competition-file]
#
# Needs: gcloud (logged in), a project with billing enabled (Cloud Functions requires it; the
# monthly free tier still applies), and the two secrets created once:
#   printf '%s' "$(openssl rand -hex 32)" | gcloud secrets create juri-intake-hmac --data-file=-
#   printf '%s' "$(openssl rand -hex 32)" | gcloud secrets create juri-admin-token --data-file=-
set -euo pipefail

: "${PROJECT:?set PROJECT to the Google Cloud project id}"
REGION="${REGION:-asia-southeast2}"            # Jakarta
COMPETITION="${1:-infra/competitions/koin-yanlik-ntt-2024.json}"
RUNTIME_SA="${RUNTIME_SA:-juri-runtime@${PROJECT}.iam.gserviceaccount.com}"
FORMS_TOPIC="${FORMS_TOPIC:-juri-forms}"
JOBS_TOPIC="${JOBS_TOPIC:-juri-jobs}"
OUT="dist/gcf"

npx tsx infra/deploy/gcf/build.ts --out "$OUT" --competition "$COMPETITION"

ENV_VARS="JURI_MODE=google,JURI_LANG=id,GOOGLE_PROJECT_ID=${PROJECT},COMPETITION_FILE=competition.json"
ENV_VARS+=",SPREADSHEET_ID=${SPREADSHEET_ID:-},FORMS_WATCH_TOPIC=projects/${PROJECT}/topics/${FORMS_TOPIC}"
SECRETS="INTAKE_HMAC_SECRET=juri-intake-hmac:latest,ADMIN_TOKEN=juri-admin-token:latest"
COMMON=(--gen2 --project "$PROJECT" --region "$REGION" --runtime nodejs24 --source "$OUT"
  --service-account "$RUNTIME_SA" --set-env-vars "$ENV_VARS" --set-secrets "$SECRETS" --memory 512Mi)

gcloud pubsub topics describe "$FORMS_TOPIC" --project "$PROJECT" >/dev/null 2>&1 ||
  gcloud pubsub topics create "$FORMS_TOPIC" --project "$PROJECT"
gcloud pubsub topics describe "$JOBS_TOPIC" --project "$PROJECT" >/dev/null 2>&1 ||
  gcloud pubsub topics create "$JOBS_TOPIC" --project "$PROJECT"

# The HTTP app: intake from Apps Script, pages, admin routes.
gcloud functions deploy juri "${COMMON[@]}" --entry-point juri --trigger-http --allow-unauthenticated
# Forms API watch notifications (no OIDC check in code: Eventarc delivers them).
gcloud functions deploy juri-forms-pubsub "${COMMON[@]}" --entry-point juriFormsPubsub --trigger-topic "$FORMS_TOPIC"
# Scheduled jobs: Cloud Scheduler publishes {job} to the jobs topic.
gcloud functions deploy juri-jobs "${COMMON[@]}" --entry-point juriJobs --trigger-topic "$JOBS_TOPIC"

schedule() { # name cron job
  if gcloud scheduler jobs describe "$1" --project "$PROJECT" --location "$REGION" >/dev/null 2>&1; then
    gcloud scheduler jobs update pubsub "$1" --project "$PROJECT" --location "$REGION" --schedule "$2" \
      --time-zone "Asia/Makassar" --topic "$JOBS_TOPIC" --update-attributes "job=$3" --message-body "$3"
  else
    gcloud scheduler jobs create pubsub "$1" --project "$PROJECT" --location "$REGION" --schedule "$2" \
      --time-zone "Asia/Makassar" --topic "$JOBS_TOPIC" --attributes "job=$3" --message-body "$3"
  fi
}
schedule juri-sync "*/15 * * * *" sync                 # during judging; pause it otherwise
schedule juri-renew-watches "0 9 * * *" renew-watches  # Forms watches expire after 7 days

gcloud functions describe juri --gen2 --project "$PROJECT" --region "$REGION" --format 'value(serviceConfig.uri)'
