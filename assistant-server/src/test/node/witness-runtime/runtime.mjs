// A minimal digital-human runtime written from docs/protocol.md (1.1) only: hello, join, answer every question that
// expects a reply, acknowledge speech, heartbeat every heartbeatSeconds, reconnect after a dropped connection,
// rejoin its session (leave any other the welcome lists) and resend unacknowledged finals, continue above lastSeq
// after a seq_regression. Prints one JSON line at the end.
// usage: node runtime.mjs <ws-url> <runtimeId> <token> <sessionId> [--no-probes]
//   By default it also sends three bad frames after the welcome (non-JSON, an unknown type, a binary frame) to see
//   the server's errors (NodeRuntimeIT); --no-probes makes it a well-behaved runtime, as the conformance kit's
//   runtime mode expects (scripts/witness-conformance.sh runtime).
import WebSocket from 'ws';

const [url, runtime, token, session, flag] = process.argv.slice(2);
const probes = flag !== '--no-probes';
const MAX_RECONNECTS = 5;
const applicant = { applicationId: 'NODE-1', name: '王芳', idNumber: '310101198805061234', broker: '示例证券', product: '普通证券账户' };
const suffix = applicant.idNumber.slice(-6);
const result = { welcome: null, errors: [], refTypes: [], acks: [], speaks: 0, shown: [], outcome: null, connections: 0 };
let confirmation = '';
let seq = 0;
const unacked = new Map();

// What a cooperative customer says to each step of the witness script (docs/protocol.md, "The witness script").
function answerTo(question) {
  if (question.includes('姓名')) return `我叫${applicant.name}`;
  if (question.includes('身份证号码')) return suffix.split('').join(' ');
  if (question.includes('摄像头')) return '好了';
  if (question.includes('自愿')) return '是的，我自愿';
  if (question.includes('风险揭示书')) return '我都清楚';
  if (question.includes('密码')) return '是我本人';
  if (question.includes('出借')) return '不会';
  if (question.includes('承诺')) return '没有';
  if (question.includes('朗读')) return confirmation;
  return null;
}

const finish = (code) => { console.log(JSON.stringify(result)); process.exit(code); };
setTimeout(() => { result.timeout = true; finish(1); }, 30000);

function connect() {
  result.connections++;
  const ws = new WebSocket(url);
  const send = (frame) => ws.send(JSON.stringify(frame));
  let heartbeat = null;
  ws.on('open', () => send({ type: 'hello', v: 1, runtime, token, capabilities: ['tts', 'asr'], maxSessions: 2 }));
  ws.on('error', () => { }); // a refused reconnect shows as a close
  ws.on('close', (code) => {
    clearInterval(heartbeat);
    if (result.outcome) return;
    result.closed = code;
    // a dropped connection: reconnect, rejoin, resend what was not acknowledged (docs/protocol.md, steps 2, 3, 5)
    if (result.connections <= MAX_RECONNECTS) setTimeout(connect, 200 * result.connections);
    else finish(1);
  });
  ws.on('message', (data) => {
    const f = JSON.parse(data.toString());
    switch (f.type) {
      case 'welcome':
        result.welcome ??= f;
        if (probes && result.connections === 1) {
          ws.send('not json');                                // malformed: expect an error frame, not a close
          send({ type: 'teleport', session });                // unknown type: the same
          ws.send(Buffer.from([1, 2, 3]));                    // binary (1.1): an error frame, the connection stays
          send({ type: 'heartbeat', ts: 7 });
        }
        heartbeat = setInterval(() => send({ type: 'heartbeat', ts: Date.now() }),
          Math.max(1, f.heartbeatSeconds || 15) * 1000);
        // a session the server resumed must be rejoined or left (1.1); this runtime knows only its own
        for (const resumed of f.resumedSessions || []) {
          if (resumed !== session) send({ type: 'session.leave', session: resumed, reason: 'unknown after restart' });
        }
        send({ type: 'session.join', session, applicant });
        for (const final of [...unacked.values()].sort((a, b) => a.seq - b.seq)) send(final);
        break;
      case 'error':
        result.errors.push(f.code);
        result.refTypes.push(f.refType);
        if (f.code === 'seq_regression') seq = f.lastSeq;   // continue above the last acknowledged seq
        break;
      case 'pong':
        result.pong ??= f.ts;
        break;
      case 'show':
        result.shown.push(f.kind);
        if (f.kind === 'text') confirmation = f.text;
        break;
      case 'ack':
        result.acks.push(f.seq);
        unacked.delete(f.seq);
        break;
      case 'speak':
        result.speaks++;
        if (f.first) send({ type: 'speak.started', session: f.session, utterance: f.utterance });
        if (f.last) send({ type: 'speak.finished', session: f.session, utterance: f.utterance, interrupted: false });
        if (f.last && f.expectsReply) {
          const text = answerTo(f.text);
          if (text !== null) {
            seq += 1;
            const final = { type: 'asr.final', session: f.session, seq, text, replyTo: f.utterance };
            unacked.set(seq, final);
            send({ type: 'asr.partial', session: f.session, seq, text: text.slice(0, 1) });
            send(final);
          }
        }
        break;
      case 'session.end':
        result.outcome = f.outcome;
        result.unacked = unacked.size;
        clearInterval(heartbeat);
        ws.close(1000, 'done');
        finish(0);
        break;
      default:
        result.errors.push('unexpected ' + f.type);
    }
  });
}

connect();
