// The official `openai` package against the gateway. Usage: node openai-cases.mjs <baseURL> [packageDir]
// packageDir picks which installed copy to load (../client-compat-openai4 for the last 4.x).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCases, outcome, QUESTION, CUT, SLOW } from './common.mjs';

const baseURL = process.argv[2];
const packageDir = path.resolve(process.argv[3] ?? '.');
const require = createRequire(path.join(packageDir, 'package.json'));
const imported = await import(pathToFileURL(require.resolve('openai')).href);
const OpenAI = imported.default?.default ?? imported.default ?? imported.OpenAI;
const version = JSON.parse(await readFile(path.join(packageDir, 'node_modules', 'openai', 'package.json'), 'utf8'))
  .version;

const client = new OpenAI({ baseURL, apiKey: 'unused-on-loopback', maxRetries: 0, timeout: 20000 });
// 4.x keeps the helpers under beta; 5.x and later on chat.completions
const helpers = client.chat.completions.runTools ? client.chat.completions : client.beta.chat.completions;
const user = (content) => [{ role: 'user', content }];
const quoteTool = {
  type: 'function',
  function: {
    name: 'get_quote', description: '查询股票现价',
    parameters: { type: 'object', properties: { symbol: { type: 'string' } }, required: ['symbol'] },
  },
};
const runnableQuote = {
  type: 'function',
  function: { ...quoteTool.function, parse: JSON.parse, function: async ({ symbol }) => ({ symbol, price: 10.5 }) },
};

await runCases({
  version: async () => version,
  plain: async () => {
    const r = await client.chat.completions.create({ model: 'finassist-qa', messages: user(QUESTION) });
    return { content: r.choices[0].message.content, role: r.choices[0].message.role,
      reasoning: r.choices[0].message.reasoning_content ?? null,
      cached: r.usage?.prompt_tokens_details?.cached_tokens ?? null };
  },
  streamWithUsage: async () => {
    const s = await client.chat.completions.create({ model: 'finassist-qa', messages: user(QUESTION), stream: true,
      stream_options: { include_usage: true } });
    let text = ''; let usage = null; let firstRole = null;
    for await (const chunk of s) {
      firstRole ??= chunk.choices[0]?.delta?.role ?? null;
      text += chunk.choices[0]?.delta?.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    return { content: text, firstRole, completionTokens: usage?.completion_tokens ?? null };
  },
  streamHelper: async () => {
    const s = helpers.stream({ model: 'finassist-qa', messages: user(QUESTION) });
    const final = await s.finalChatCompletion();
    return { content: final.choices[0].message.content, role: final.choices[0].message.role };
  },
  toolCalls: async () => {
    const r = await client.chat.completions.create({ model: 'finassist-qa', messages: user('600000 现价多少'),
      tools: [quoteTool] });
    const call = r.choices[0].message.tool_calls?.[0];
    return { finish: r.choices[0].finish_reason, name: call?.function?.name, arguments: call?.function?.arguments };
  },
  streamedToolCalls: async () => {
    const s = helpers.stream({ model: 'finassist-qa', messages: user('600000 现价多少'), tools: [quoteTool] });
    const final = await s.finalChatCompletion();
    const call = final.choices[0].message.tool_calls?.[0];
    return { name: call?.function?.name, arguments: call?.function?.arguments };
  },
  runTools: async () => {
    const runner = helpers.runTools({ model: 'finassist-qa', messages: user('600000 现价多少'), tools: [runnableQuote] });
    return { content: await runner.finalContent() };
  },
  runToolsStreaming: async () => {
    const runner = helpers.runTools({ model: 'finassist-qa', messages: user('600000 现价多少'), tools: [runnableQuote],
      stream: true });
    return { content: await runner.finalContent() };
  },
  errorUnknownModel: async () => {
    const o = await outcome(() => client.chat.completions.create({ model: 'no-such-model', messages: user('x') }));
    return { ...o, isApiError: o.thrown };
  },
  errorMidStream: async () => outcome(async () => {
    const s = await client.chat.completions.create({ model: 'finassist-qa', messages: user(CUT), stream: true });
    let text = '';
    for await (const chunk of s) text += chunk.choices[0]?.delta?.content ?? '';
    return text;
  }),
  errorMidStreamHelper: async () => outcome(async () => {
    const s = helpers.stream({ model: 'finassist-qa', messages: user(CUT) });
    return (await s.finalChatCompletion()).choices[0].message.content;
  }),
  abort: async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 400);
    // the package ends the iteration quietly (or throws an abort error) once aborted; either way no text
    let text = '';
    const o = await outcome(async () => {
      const s = await client.chat.completions.create({ model: 'finassist-qa', messages: user(SLOW), stream: true },
        { signal: controller.signal });
      for await (const chunk of s) text += chunk.choices[0]?.delta?.content ?? '';
    });
    return { ...o, text, aborted: controller.signal.aborted };
  },
});
