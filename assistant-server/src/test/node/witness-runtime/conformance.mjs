// Conformance kit for protocol 1.1 (docs/protocol.md). Two modes:
//   node conformance.mjs server <ws-url> <runtimeId> <token>
//       checks a FinAssist server (or any server claiming the protocol): each numbered check prints PASS or FAIL.
//   node conformance.mjs runtime <port>
//       listens as a minimal server (port 0: a free one, printed); point your runtime at
//       ws://<host>:<port>/ws/runtime with one customer and it is checked: hello shape, join with the applicant,
//       asr.final with seq and replyTo, reconnect after a dropped connection, rejoin of the resumed session, resend
//       of the unacknowledged final (same seq and text), heartbeat at the welcome's heartbeatSeconds (2 s).
// Exit status 0 when every check passed.
import WebSocket, { WebSocketServer } from 'ws';

const results = [];
const check = (name, ok, detail = '') => {
  results.push(ok);
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? '  (' + detail + ')' : ''}`);
};
const done = () => { process.exit(results.every(Boolean) ? 0 : 1); };
const sleep = (ms) => new Promise(r => setTimeout(r, ms));
const applicant = { applicationId: 'CONF-1', name: '王芳', idNumber: '310101198805061234', broker: '示例证券', product: '普通证券账户' };

/** A connection that queues every frame it receives and lets a check wait for one. */
function connect(url) {
  const ws = new WebSocket(url);
  const frames = [];
  const waiters = [];
  const conn = { ws, frames, closed: null,
    send: (f) => ws.send(typeof f === 'string' || Buffer.isBuffer(f) ? f : JSON.stringify(f)),
    next: (pred, ms = 5000) => new Promise((resolve) => {
      const hit = frames.find(pred);
      if (hit) { frames.splice(frames.indexOf(hit), 1); return resolve(hit); }
      const w = { pred, resolve };
      waiters.push(w);
      setTimeout(() => { const i = waiters.indexOf(w); if (i >= 0) { waiters.splice(i, 1); resolve(null); } }, ms);
    }),
    whenClosed: new Promise((resolve) => ws.on('close', (code, reason) => { conn.closed = code; resolve({ code, reason: reason.toString() }); })),
    opened: new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('error', reject); }) };
  ws.on('message', (data) => {
    const f = JSON.parse(data.toString());
    conn.all = (conn.all || []).concat([f]);
    const w = waiters.find(x => x.pred(f));
    if (w) { waiters.splice(waiters.indexOf(w), 1); w.resolve(f); } else frames.push(f);
  });
  return conn;
}

const hello = (runtime, token) => ({ type: 'hello', v: 1, runtime, token, capabilities: ['tts', 'asr'], maxSessions: 4 });

function answerTo(q, confirmation) {
  if (q.includes('姓名')) return `我叫${applicant.name}`;
  if (q.includes('身份证号码')) return applicant.idNumber.slice(-6).split('').join(' ');
  if (q.includes('摄像头')) return '好了';
  if (q.includes('自愿')) return '是的，我自愿';
  if (q.includes('风险揭示书')) return '是的，我已经阅读并理解了，知道可能会损失本金';
  if (q.includes('密码')) return '是我本人';
  if (q.includes('出借')) return '不会';
  if (q.includes('承诺')) return '没有';
  if (q.includes('朗读')) return confirmation;
  return null;
}

async function serverMode(url, runtime, token) {
  const sid = 'conf-' + Date.now().toString(36);
  // 1. anything but hello before authentication: unauthenticated, close 1008
  const anon = connect(url);
  await anon.opened;
  anon.send('not json');
  const refused = await anon.next(f => f.type === 'error');
  const closed = await Promise.race([anon.whenClosed, sleep(5000).then(() => null)]);
  check('1 non-JSON before hello -> unauthenticated and close 1008', refused?.code === 'unauthenticated' && closed?.code === 1008,
    `${refused?.code} / ${closed?.code}`);

  // 2. hello -> welcome 1.1
  const rt = connect(url);
  await rt.opened;
  rt.send(hello(runtime, token));
  const welcome = await rt.next(f => f.type === 'welcome' || f.type === 'error');
  check('2 hello -> welcome with protocol 1.1', welcome?.type === 'welcome' && welcome.protocol === '1.1', JSON.stringify(welcome));
  if (welcome?.type !== 'welcome') return done();
  for (const s of welcome.resumedSessions || []) rt.send({ type: 'session.leave', session: s, reason: 'conformance run' });

  // 3. binary frame -> malformed_frame, refType binary, connection stays
  rt.send(Buffer.from([1, 2, 3]));
  const bin = await rt.next(f => f.type === 'error');
  check('3 binary frame -> error refType "binary", connection open', bin?.code === 'malformed_frame' && bin.refType === 'binary' && rt.closed === null);

  // 4. optional fields may be left out
  rt.send({ type: 'heartbeat' });
  const pong = await rt.next(f => f.type === 'pong');
  check('4 heartbeat without ts -> pong', pong !== null && typeof pong.ts === 'number');

  // 5. a cooperative customer passes; every asr.final is acked
  rt.send({ type: 'session.join', session: sid, applicant });
  let seq = 0;
  let confirmation = '';
  let end = null;
  let acks = 0;
  let lastQuestion = null;
  const deadline = Date.now() + 30000;
  let regressionChecked = false;
  while (!end && Date.now() < deadline) {
    const f = await rt.next(x => x.session === sid && ['speak', 'show', 'ack', 'session.end', 'error'].includes(x.type), 10000);
    if (!f) break;
    if (f.type === 'show' && f.kind === 'text') confirmation = f.text;
    if (f.type === 'ack') acks++;
    if (f.type === 'session.end') end = f;
    if (f.type === 'speak') {
      if (f.last) rt.send({ type: 'speak.finished', session: sid, utterance: f.utterance });
      if (f.last && f.expectsReply) {
        lastQuestion = f;
        if (seq === 3 && !regressionChecked) {
          // 6. a seq below the last acknowledged one with another text -> seq_regression with lastSeq
          regressionChecked = true;
          rt.send({ type: 'asr.final', session: sid, seq: 1, text: '另一句话', replyTo: f.utterance });
          const err = await rt.next(x => x.type === 'error' && x.session === sid);
          check('6 seq regression -> seq_regression with lastSeq', err?.code === 'seq_regression' && err.lastSeq === 3, JSON.stringify(err));
          // 7. rejoin with seqReset restarts the numbering
          rt.send({ type: 'session.join', session: sid, applicant, seqReset: true });
          seq = 0;
          continue;
        }
        const text = answerTo(f.text, confirmation);
        if (text !== null) {
          seq += 1;
          rt.send({ type: 'asr.final', session: sid, seq, text, replyTo: f.utterance });
        }
      }
    }
  }
  check('5 cooperative customer passes, answers acknowledged', end?.outcome === 'passed' && acks >= 9, `${end?.outcome}, ${acks} acks`);
  check('7 seqReset rejoin restarts numbering', regressionChecked && end?.outcome === 'passed');

  // 8. no "null" strings, refType always set, on everything received
  const all = (anon.all || []).concat(rt.all || []);
  const nulls = all.filter(f => JSON.stringify(f).includes('"null"') || Object.values(f).some(v => v === null));
  const noRef = all.filter(f => f.type === 'error' && typeof f.refType !== 'string');
  check('8 no null values or "null" strings; every error has refType', nulls.length === 0 && noRef.length === 0,
    `${nulls.length} with null, ${noRef.length} errors without refType`);

  // 9. one live connection per runtime id: the older is closed with 4001
  const second = connect(url);
  await second.opened;
  second.send(hello(runtime, token));
  await second.next(f => f.type === 'welcome');
  const old = await Promise.race([rt.whenClosed, sleep(5000).then(() => null)]);
  check('9 second connection with the same runtime id closes the first with 4001', old?.code === 4001, JSON.stringify(old));
  second.ws.close(1000);
  done();
}

/**
 * Runtime mode: a minimal server with one question. The first connection is dropped right after the runtime's first
 * asr.final, before the ack; the runtime must reconnect, rejoin the session the welcome lists, resend that final
 * (same seq and text), then heartbeat within heartbeatSeconds. Port 0 picks a free port (printed).
 */
async function runtimeMode(port) {
  const heartbeatSeconds = 2;
  const wss = new WebSocketServer({ port: Number(port), path: '/ws/runtime' });
  await new Promise((resolve) => wss.on('listening', resolve));
  console.log(`listening on ws://0.0.0.0:${wss.address().port}/ws/runtime; start your runtime against it (one customer)`);
  const question = { u: 'conf-u1', text: '请问您是否本人自愿在示例证券开立普通证券账户？' };
  let connections = 0;
  let session = null;
  let dropped = null; // the asr.final the first connection was dropped on
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    setTimeout(() => { wss.close(); done(); }, 300);
  };
  const timer = setTimeout(() => {
    check('runtime finished the checks within 120 s', false,
      `${connections} connection(s), ${dropped ? 'dropped after its final' : 'no asr.final seen'}`);
    finish();
  }, 120000);
  wss.on('connection', (ws) => {
    connections++;
    const n = connections;
    let resent = null;
    let heartbeatWait = null;
    const send = (f) => ws.send(JSON.stringify(f));
    ws.on('message', (data, isBinary) => {
      if (finished) return;
      if (isBinary) { check(`connection #${n}: only text frames`, false, 'binary frame received'); return; }
      let f;
      try { f = JSON.parse(data.toString()); } catch (e) {
        check(`connection #${n}: every frame is JSON`, false, data.toString().slice(0, 40));
        return;
      }
      if (n > 1 && !resent && f.type !== 'hello' && !['session.join', 'asr.final', 'heartbeat', 'speak.started',
        'speak.finished', 'asr.partial', 'session.leave'].includes(f.type)) {
        check(`connection #${n}: known frame types only`, false, f.type);
      }
      if (f.type === 'hello') {
        check(`hello #${n}: v 1, runtime, token, maxSessions >= 1`, f.v === 1 && typeof f.runtime === 'string'
          && typeof f.token === 'string' && Number.isInteger(f.maxSessions) && f.maxSessions >= 1, JSON.stringify(f));
        send({ type: 'welcome', v: 1, protocol: '1.1', runtime: f.runtime, heartbeatSeconds,
          resumedSessions: session && dropped ? [session] : [] });
      } else if (f.type === 'session.join') {
        check(`session.join #${n} names a session and the applicant's five fields`, typeof f.session === 'string'
          && (session === null || f.session === session)
          && ['applicationId', 'name', 'idNumber', 'broker', 'product'].every(k => typeof f.applicant?.[k] === 'string'));
        session = f.session;
        send({ type: 'speak', session, utterance: question.u, text: question.text, first: true, last: true,
          expectsReply: true });
      } else if (f.type === 'asr.final' && n === 1) {
        check('asr.final has an integer seq, text and replyTo of the open question',
          Number.isInteger(f.seq) && typeof f.text === 'string' && f.replyTo === question.u && f.session === session,
          `seq ${f.seq}, replyTo ${f.replyTo}`);
        dropped = f;
        ws.terminate(); // dropped before the ack: the runtime must reconnect, rejoin and resend
      } else if (f.type === 'asr.final' && !resent) {
        resent = f;
        check('after the drop: reconnected and rejoined the resumed session', session !== null && n > 1);
        check('the unacknowledged asr.final resent with the same seq and text',
          dropped && f.seq === dropped.seq && f.text === dropped.text, `seq ${f.seq} (was ${dropped?.seq})`);
        send({ type: 'ack', session, seq: f.seq });
        heartbeatWait = setTimeout(() => {
          check(`heartbeat within ${heartbeatSeconds * 1.5} s of the welcome's heartbeatSeconds`, false);
          finish();
        }, heartbeatSeconds * 1500);
      } else if (f.type === 'heartbeat' && resent) {
        clearTimeout(heartbeatWait);
        check('heartbeat sent (ts optional)', f.ts === undefined || typeof f.ts === 'number');
        send({ type: 'pong', ts: f.ts ?? Date.now() });
        send({ type: 'session.end', session, outcome: 'passed', reason: 'conformance' });
        finish();
      } else if (f.type === 'heartbeat') {
        send({ type: 'pong', ts: f.ts ?? Date.now() });
      }
    });
  });
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'server' && args.length === 3) {
  serverMode(...args).catch(e => { check('server reachable', false, String(e)); done(); });
} else if (mode === 'runtime' && args.length === 1) {
  runtimeMode(args[0]);
} else {
  console.log('usage: node conformance.mjs server <ws-url> <runtimeId> <token> | node conformance.mjs runtime <port>');
  process.exit(2);
}
