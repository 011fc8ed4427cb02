import type { Message } from './types';

/** The example message new publish blocks show: a greeting in the pupil's language, not a topic. */
export const EXAMPLE_MESSAGE: Message = {
  id: 'mqtt.exampleMessage',
  default: 'hello',
  description: 'Example message typed into new "publish" blocks; pupils replace it. A short greeting.',
};
