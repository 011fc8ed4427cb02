/**
 * The board toolbox with the classroom's own broker address in the connect block, so a pupil
 * drags out a connect block that already points at the right server.
 */
import type { Locale } from '../../i18n/locales';
import { boardToolbox, type Toolbox } from '../../blockly/toolbox';

const CONNECT = 'mqtt_connect';

export function toolboxWithBroker(locale: Locale, brokerUrl: string | null): Toolbox {
  const toolbox = boardToolbox(locale);
  if (brokerUrl === null) return toolbox;
  for (const category of toolbox.contents) {
    for (const block of category.contents ?? []) {
      const shadow = block.type === CONNECT ? block.inputs?.URL?.shadow : undefined;
      if (shadow) shadow.fields = { ...shadow.fields, TEXT: brokerUrl };
    }
  }
  return toolbox;
}
