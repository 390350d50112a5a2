// Conformance kit for protocol 1.1 (docs/protocol.md). Two modes:
//   node conformance.mjs server <ws-url> <runtimeId> <token>
//       checks a FinAssist server (or any server claiming the protocol): each numbered check prints PASS or FAIL.
//   node conformance.mjs runtime <port>
//       listens as a minimal server; point your runtime at ws://<host>:<port>/ws/runtime and it is checked:
//       hello shape, join, answers with increasing seq and replyTo, speak acknowledgements, resend after a drop,
//       rejoin of resumed sessions, heartbeat.
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

async function runtimeMode(port) {
  const wss = new WebSocketServer({ port: Number(port), path: '/ws/runtime' });
  console.log(`listening on ws://0.0.0.0:${port}/ws/runtime; start your runtime against it (one customer)`);
  let connections = 0;
  let seen = { acksResent: false, rejoined: false };
  const question = { u: 'conf-u1', text: '请问您是否本人自愿在示例证券开立普通证券账户？' };
  const timer = setTimeout(() => { check('runtime finished the checks within 120 s', false); done(); }, 120000);
  wss.on('connection', (ws) => {
    connections++;
    const first = connections === 1;
    let session = null;
    let lastSeq = -1;
    let heartbeats = 0;
    ws.on('message', (data, isBinary) => {
      if (isBinary) { check('runtime sends only text frames', false); return; }
      const f = JSON.parse(data.toString());
      if (f.type === 'hello') {
        check(`hello #${connections}: v 1, runtime, token, maxSessions >= 1`, f.v === 1 && typeof f.runtime === 'string'
          && typeof f.token === 'string' && Number.isInteger(f.maxSessions) && f.maxSessions >= 1);
        ws.send(JSON.stringify({ type: 'welcome', v: 1, protocol: '1.1', runtime: f.runtime, heartbeatSeconds: 2,
          resumedSessions: first || !session ? [] : [session] }));
      } else if (f.type === 'session.join') {
        session = f.session;
        if (!first) { seen.rejoined = true; }
        check(`session.join #${connections} names a session and the applicant's five fields`, typeof f.session === 'string'
          && ['applicationId', 'name', 'idNumber', 'broker', 'product'].every(k => typeof f.applicant?.[k] === 'string'));
        ws.send(JSON.stringify({ type: 'speak', session, utterance: question.u, text: question.text, first: true, last: true, expectsReply: true }));
      } else if (f.type === 'asr.final') {
        check('asr.final has an integer seq above the last and replyTo of the open question',
          Number.isInteger(f.seq) && f.seq > lastSeq - (first ? 0 : 1) && f.replyTo === question.u, `seq ${f.seq}`);
        if (first) {
          lastSeq = f.seq;
          ws.terminate(); // drop before the ack: the runtime must reconnect and resend
        } else {
          seen.acksResent = true;
          ws.send(JSON.stringify({ type: 'ack', session, seq: f.seq }));
          ws.send(JSON.stringify({ type: 'session.end', session, outcome: 'passed', reason: 'conformance' }));
        }
      } else if (f.type === 'heartbeat') {
        heartbeats++;
        ws.send(JSON.stringify({ type: 'pong', ts: f.ts ?? Date.now() }));
      }
      if (seen.acksResent) {
        check('after a drop the runtime reconnected, rejoined and resent the unacknowledged final', seen.rejoined);
        clearTimeout(timer);
        setTimeout(() => { wss.close(); done(); }, 500);
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
