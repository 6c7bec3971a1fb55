import WebSocket from 'ws';
const ws = new WebSocket(process.argv[2]);
ws.on('open', () => ws.send(JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression: process.argv[3], returnByValue: true, awaitPromise: true } })));
ws.on('message', (m) => { const msg = JSON.parse(m.toString()); if (msg.id === 1) { console.log(JSON.stringify(msg.result?.result?.value ?? msg.result, null, 1).slice(0, 4000)); process.exit(0); } });
setTimeout(() => process.exit(1), 8000);
