// Runs the official `openai` npm client against a FinAssist gateway and prints one JSON line per case.
// Usage: node client-test.mjs <baseURL>   (driven by OpenAiNodeClientIT; exits non-zero on an unexpected outcome)
import OpenAI from 'openai';

const baseURL = process.argv[2];
const client = new OpenAI({ baseURL, apiKey: 'unused-on-loopback', maxRetries: 0, timeout: 20000 });
const results = {};

const plain = await client.chat.completions.create({
  model: 'finassist-qa',
  messages: [{ role: 'user', content: '交易时间是几点？' }],
});
results.plain = {
  content: plain.choices[0].message.content,
  reasoning: plain.choices[0].message.reasoning_content ?? null,
  cached: plain.usage?.prompt_tokens_details?.cached_tokens ?? null,
  total: plain.usage?.total_tokens ?? null,
};

const stream = await client.chat.completions.create({
  model: 'finassist-general',
  messages: [{ role: 'user', content: '你好' }],
  stream: true,
  stream_options: { include_usage: true },
});
let text = '';
let usage = null;
for await (const chunk of stream) {
  text += chunk.choices[0]?.delta?.content ?? '';
  if (chunk.usage) usage = chunk.usage;
}
results.stream = { content: text, completionTokens: usage?.completion_tokens ?? null };

try {
  await client.chat.completions.create({ model: 'no-such-model', messages: [{ role: 'user', content: 'x' }] });
  results.error = { thrown: false };
} catch (e) {
  results.error = { thrown: true, status: e.status ?? null, code: e.code ?? e.error?.code ?? null,
    isApiError: e instanceof OpenAI.APIError, message: e.message };
}

console.log(JSON.stringify(results));
