// The Vercel AI SDK through @ai-sdk/openai-compatible against the gateway. Usage: node vercel-cases.mjs <baseURL>
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { generateText, streamText, tool, stepCountIs } from 'ai';
import { z } from 'zod';
import { runCases, QUESTION, CUT } from './common.mjs';

const baseURL = process.argv[2];
const finassist = createOpenAICompatible({ name: 'finassist', baseURL, apiKey: 'unused-on-loopback',
  includeUsage: true });
const model = finassist('finassist-qa');
const tools = {
  get_quote: tool({
    description: '查询股票现价',
    inputSchema: z.object({ symbol: z.string() }),
    execute: async ({ symbol }) => ({ symbol, price: 10.5 }),
  }),
};

await runCases({
  generateText: async () => {
    const r = await generateText({ model, prompt: QUESTION, maxRetries: 0 });
    return { text: r.text, outputTokens: r.usage?.outputTokens ?? null };
  },
  generateTextWithTools: async () => {
    const r = await generateText({ model, prompt: '600000 现价多少', tools, stopWhen: stepCountIs(3), maxRetries: 0 });
    return { text: r.text, steps: r.steps.length,
      toolCalls: r.steps.flatMap((s) => s.toolCalls).map((c) => ({ name: c.toolName, input: c.input })) };
  },
  streamTextWithTools: async () => {
    const r = streamText({ model, prompt: '600000 现价多少', tools, stopWhen: stepCountIs(3), maxRetries: 0 });
    let text = '';
    for await (const t of r.textStream) text += t;
    const steps = await r.steps;
    return { text, steps: steps.length,
      toolCalls: steps.flatMap((s) => s.toolCalls).map((c) => ({ name: c.toolName, input: c.input })) };
  },
  streamTextError: async () => {
    const errors = [];
    const r = streamText({ model, prompt: CUT, maxRetries: 0, onError: ({ error }) => errors.push(String(error)) });
    let text = '';
    try {
      for await (const t of r.textStream) text += t;
    } catch (e) {
      errors.push(String(e));
    }
    return { errored: errors.length > 0, errors };
  },
});
