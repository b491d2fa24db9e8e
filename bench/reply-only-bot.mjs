// The baseline of the update-path benchmark: a grammY runner bot that only replies (one message per
// update, per-chat order kept like thidua-bot's), polling TELEGRAM_API_ROOT with TELEGRAM_BOT_TOKEN.
import { run, sequentialize } from '@grammyjs/runner';
import { Bot } from 'grammy';

const bot = new Bot(process.env.TELEGRAM_BOT_TOKEN, { client: { apiRoot: process.env.TELEGRAM_API_ROOT } });
bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
bot.on('message', (ctx) => ctx.reply(`ok: ${ctx.message.text ?? ''}`));
const runner = run(bot, { runner: { silent: true } });
process.once('SIGTERM', () => runner.stop().then(() => process.exit(0)));
