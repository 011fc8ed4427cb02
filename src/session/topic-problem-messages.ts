/**
 * What to tell the pupil for each topic problem (topic-filter.ts), in the Scratch blocks' words:
 * the session, the board generators and the Scratch-project translator all say the same thing.
 */
import type { Message, PendingMessage } from '../../blocks/types';
import { MESSAGES } from '../i18n/messages';
import type { TopicProblem } from './topic-filter';

export const TOPIC_PROBLEM_MESSAGES: Readonly<Record<TopicProblem, Message>> = {
  empty: MESSAGES.topicEmpty,
  tooLong: MESSAGES.topicTooLong,
  nulCharacter: MESSAGES.topicNulCharacter,
  tooManyLevels: MESSAGES.topicTooManyLevels,
  wildcardInTopic: MESSAGES.topicWildcardInTopic,
  reserved: MESSAGES.topicReserved,
  misplacedHash: MESSAGES.topicMisplacedHash,
  misplacedPlus: MESSAGES.topicMisplacedPlus,
};

/** The problem's message with the topic that caused it filled in. */
export function topicProblemMessage(problem: TopicProblem, topic: string): PendingMessage {
  return { message: TOPIC_PROBLEM_MESSAGES[problem], params: { topic } };
}
