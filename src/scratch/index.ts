/**
 * Built-in use in scratch-gui forks: add `mqtt: () => require('mqtt-blocks/dist/mqtt-blocks-builtin.js')`
 * to scratch-vm's builtinExtensions (see README). The class takes the runtime, like scratch3_* classes.
 */
import { MqttExtension } from './extension';

export = MqttExtension;
