/**
 * juri — mengirim setiap jawaban Google Form ke juri (POST /intake/form), ditandatangani HMAC-SHA256.
 * juri — sends every Google Form response to juri (POST /intake/form), signed with HMAC-SHA256.
 *
 * Script properties (Project Settings → Script properties):
 *   JURI_INTAKE_URL          e.g. https://juri.example.go.id/intake/form
 *   JURI_INTAKE_SECRET       the same value as juri's INTAKE_HMAC_SECRET
 *   JURI_LOG_SPREADSHEET_ID  optional; where the "Log Kirim juri" tab lives (see juriLogSheet_)
 *
 * Headers sent (see README.md):
 *   X-Juri-Timestamp: <unix seconds>
 *   X-Juri-Signature: sha256=<lowercase hex HMAC-SHA256(secret, timestamp + "." + body)>
 * The MAC covers the UTF-8 bytes, and the payload goes out as those same UTF-8 bytes: juri checks the
 * MAC over the raw bytes it receives, before decoding them.
 */

var JURI_LOG_SHEET = 'Log Kirim juri';
var JURI_MAX_ATTEMPTS = 6;
var JURI_LOG_HEADER = ['Waktu', 'ID Respons', 'Status', 'Kode HTTP', 'Percobaan', 'Pesan'];

/** Installable trigger: Form → Extensions → Apps Script → run juriInstall() once. */
function onFormSubmit(e) {
  var config = juriConfig_();
  var payload = juriPayload_(e.response, e.source);
  var result = juriSend_(config, JSON.stringify(payload));
  if (!result.ok) juriLogFailure_(config, payload.responseId, result);
  return result;
}

/** Creates the installable onFormSubmit trigger once (simple triggers cannot call UrlFetchApp). */
function juriInstall() {
  var form = FormApp.getActiveForm();
  var exists = ScriptApp.getUserTriggers(form).some(function (t) {
    return t.getHandlerFunction() === 'onFormSubmit' && t.getEventType() === ScriptApp.EventType.ON_FORM_SUBMIT;
  });
  if (!exists) ScriptApp.newTrigger('onFormSubmit').forForm(form).onFormSubmit().create();
}

/** Sends again every response the log lists as failed; safe to repeat, juri stores each response once. */
function juriResendFailed() {
  var config = juriConfig_();
  var form = FormApp.getActiveForm();
  var sheet = juriLogSheet_(config);
  var rows = sheet.getDataRange().getValues();
  for (var i = 1; i < rows.length; i++) {
    if (rows[i][2] !== 'GAGAL') continue;
    var response = form.getResponse(String(rows[i][1]));
    var result = juriSend_(config, JSON.stringify(juriPayload_(response, form)));
    if (result.ok) sheet.getRange(i + 1, 3).setValue('TERKIRIM ULANG');
  }
}

function juriConfig_() {
  var props = PropertiesService.getScriptProperties();
  var url = props.getProperty('JURI_INTAKE_URL');
  var secret = props.getProperty('JURI_INTAKE_SECRET');
  if (!url || !secret) throw new Error('Atur JURI_INTAKE_URL dan JURI_INTAKE_SECRET di Script properties.');
  return { url: url, secret: secret, logSpreadsheetId: props.getProperty('JURI_LOG_SPREADSHEET_ID') };
}

/** The body juri expects: {formId, responseId, timestamp, respondentEmail, answers:[{title, questionId, values}]}. */
function juriPayload_(response, form) {
  var answers = response.getItemResponses().map(function (itemResponse) {
    var item = itemResponse.getItem();
    return {
      title: item.getTitle(),
      // Apps Script's item id; juri matches config entries by title or by this id.
      questionId: String(item.getId()),
      values: juriValues_(item, itemResponse.getResponse()),
    };
  });
  return {
    formId: form ? form.getId() : undefined,
    responseId: response.getId(),
    timestamp: response.getTimestamp().toISOString(),
    respondentEmail: response.getRespondentEmail() || '',
    answers: answers,
  };
}

/** getResponse() gives a String, a String[] (checkboxes, grid rows, file ids) or a String[][] (checkbox grid). */
function juriValues_(item, value) {
  if (value === null || value === undefined || value === '') return [];
  var list = Array.isArray(value) ? value : [value];
  var isUpload = item.getType() === FormApp.ItemType.FILE_UPLOAD;
  return list.map(function (v) {
    if (Array.isArray(v)) return v.join(', ');
    return isUpload ? 'https://drive.google.com/open?id=' + v : String(v);
  });
}

function juriSignature_(secret, timestamp, body) {
  var bytes = Utilities.computeHmacSha256Signature(timestamp + '.' + body, secret, Utilities.Charset.UTF_8);
  return (
    'sha256=' +
    bytes
      .map(function (b) {
        var hex = (b < 0 ? b + 256 : b).toString(16);
        return hex.length === 1 ? '0' + hex : hex;
      })
      .join('')
  );
}

/** The UrlFetchApp request for one attempt; signed with a fresh timestamp each time. */
function juriRequest_(secret, timestamp, body) {
  return {
    method: 'post',
    contentType: 'application/json; charset=utf-8',
    payload: body,
    headers: {
      'X-Juri-Timestamp': timestamp,
      'X-Juri-Signature': juriSignature_(secret, timestamp, body),
    },
    muteHttpExceptions: true,
    followRedirects: false,
  };
}

/** Retries 5xx, 429 and network errors with exponential backoff (1, 2, 4, 8, 16 s + jitter). */
function juriSend_(config, body) {
  var last = { code: 0, text: '' };
  for (var attempt = 1; attempt <= JURI_MAX_ATTEMPTS; attempt++) {
    var timestamp = String(Math.floor(Date.now() / 1000));
    try {
      var res = UrlFetchApp.fetch(config.url, juriRequest_(config.secret, timestamp, body));
      var code = res.getResponseCode();
      if (code >= 200 && code < 300) return { ok: true, code: code, attempts: attempt };
      last = { code: code, text: String(res.getContentText()).slice(0, 500) };
      if (code !== 429 && code < 500) return { ok: false, code: code, text: last.text, attempts: attempt };
    } catch (err) {
      last = { code: 0, text: String(err).slice(0, 500) };
    }
    if (attempt < JURI_MAX_ATTEMPTS) Utilities.sleep(1000 * Math.pow(2, attempt - 1) + Math.floor(Math.random() * 500));
  }
  return { ok: false, code: last.code, text: last.text, attempts: JURI_MAX_ATTEMPTS };
}

/** A row per failed delivery, so the secretariat sees it and can run juriResendFailed(). */
function juriLogFailure_(config, responseId, result) {
  var sheet = juriLogSheet_(config);
  sheet.appendRow([new Date(), responseId, result.code === 422 ? 'DITOLAK' : 'GAGAL', result.code, result.attempts, result.text]);
}

/**
 * The "Log Kirim juri" tab: in JURI_LOG_SPREADSHEET_ID if set, else in the Form's response spreadsheet,
 * else in a new spreadsheet whose id is remembered in the script properties.
 */
function juriLogSheet_(config) {
  var spreadsheetId = config.logSpreadsheetId;
  if (!spreadsheetId) {
    var form = FormApp.getActiveForm();
    if (form && form.getDestinationType() === FormApp.DestinationType.SPREADSHEET) spreadsheetId = form.getDestinationId();
  }
  var spreadsheet;
  if (spreadsheetId) {
    spreadsheet = SpreadsheetApp.openById(spreadsheetId);
  } else {
    spreadsheet = SpreadsheetApp.create(JURI_LOG_SHEET);
    PropertiesService.getScriptProperties().setProperty('JURI_LOG_SPREADSHEET_ID', spreadsheet.getId());
  }
  var sheet = spreadsheet.getSheetByName(JURI_LOG_SHEET);
  if (!sheet) {
    sheet = spreadsheet.insertSheet(JURI_LOG_SHEET);
    sheet.appendRow(JURI_LOG_HEADER);
    sheet.setFrozenRows(1);
  }
  return sheet;
}
