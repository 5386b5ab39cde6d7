import { isSettingKey, SETTING_KEYS, SETTINGS, validateSetting } from '../../shared/settings.ts';
import { parseCommandArgs } from '../args.ts';
import { EXIT_OK, UsageError, type Command } from '../command.ts';
import { openHost } from '../host.ts';

function keyList(): string {
  return SETTING_KEYS.map((key) => `  ${key.padEnd(30)} ${SETTINGS[key].description}`).join('\n');
}

function requireKey(key: string | undefined): keyof typeof SETTINGS {
  if (key === undefined) throw new UsageError(`name a setting. Valid keys:\n${keyList()}`);
  if (!isSettingKey(key)) throw new UsageError(`unknown setting "${key}". Valid keys:\n${keyList()}`);
  return key;
}

export const configCommand: Command = {
  name: 'config',
  summary: 'Read or change a setting',
  usage: `Usage: liner config get KEY [--db FILE]
       liner config set KEY VALUE [--db FILE]
       liner config list [--db FILE]

Settings are stored in the database and survive restarts. Keys:
${keyList()}`,

  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, { db: { type: 'string' }, json: { type: 'boolean' } }, true);
    const [action, key, value, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);

    if (action !== 'get' && action !== 'set' && action !== 'list') {
      throw new UsageError(action === undefined ? 'name an action: get, set or list' : `unknown action "${action}"; use get, set or list`);
    }

    const settingKey = action === 'list' ? null : requireKey(key);
    if (action === 'set' && value === undefined) throw new UsageError(`give a value for ${settingKey}: ${SETTINGS[settingKey!].description}`);

    const host = openHost({ db: values.db, env: context.env });
    try {
      if (action === 'list') {
        for (const listed of SETTING_KEYS) context.stdout.write(`${listed}=${JSON.stringify(host.settings.get(listed))}\n`);
      } else if (action === 'get') {
        context.stdout.write(`${JSON.stringify(host.settings.get(settingKey!))}\n`);
      } else {
        const parsed = SETTINGS[settingKey!].parse(value!);
        try {
          validateSetting(settingKey!, parsed);
        } catch (error) {
          throw new UsageError((error as Error).message);
        }
        const stored = host.settings.set(settingKey!, parsed);
        context.stdout.write(`${settingKey}=${JSON.stringify(stored)}\n`);
      }
      return EXIT_OK;
    } finally {
      host.close();
    }
  },
};
