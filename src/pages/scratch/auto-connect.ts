/**
 * Keeps the editor connected to the classroom broker: pupils should see messages arrive without
 * first building a "connect" block.
 *
 * Loading a project (the starting one included) closes the extension's connection on purpose, so
 * we connect again after each load. A "connect" block in the project still wins when it runs.
 */
import type { MqttExtension } from '../../scratch/extension';
import type { ScratchVm } from './gui-types';

export function keepConnected(vm: ScratchVm, extension: MqttExtension, url: string, onError: (error: Error) => void): () => void {
  const connect = () => {
    extension.connectTo(url).catch(onError);
  };
  vm.runtime.on('PROJECT_LOADED', connect);
  return () => vm.runtime.removeListener('PROJECT_LOADED', connect);
}
