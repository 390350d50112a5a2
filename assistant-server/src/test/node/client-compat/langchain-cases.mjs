// @langchain/openai's ChatOpenAI against the gateway. Usage: node langchain-cases.mjs <baseURL>
import { ChatOpenAI } from '@langchain/openai';
import { runCases, outcome, QUESTION, CUT } from './common.mjs';

const baseURL = process.argv[2];
const model = new ChatOpenAI({ model: 'finassist-qa', apiKey: 'unused-on-loopback', maxRetries: 0,
  configuration: { baseURL } });
const quote = {
  type: 'function',
  function: { name: 'get_quote', description: '查询股票现价',
    parameters: { type: 'object', properties: { symbol: { type: 'string' } }, required: ['symbol'] } },
};

await runCases({
  invoke: async () => ({ content: (await model.invoke(QUESTION)).content }),
  stream: async () => {
    let text = '';
    for await (const chunk of await model.stream(QUESTION)) text += chunk.content;
    return { content: text };
  },
  bindToolsStream: async () => {
    let final;
    for await (const chunk of await model.bindTools([quote]).stream('600000 现价多少')) {
      final = final ? final.concat(chunk) : chunk;
    }
    return { toolCalls: (final?.tool_calls ?? []).map((c) => ({ name: c.name, args: c.args })) };
  },
  errorMidStream: async () => outcome(async () => {
    let text = '';
    for await (const chunk of await model.stream(CUT)) text += chunk.content;
    return text;
  }),
});
