/**
 * Makes our MQTT extension a built-in of the editor's VM, the way scratch-vm loads its own
 * (`_registerInternalExtension`), and records it under the id `mqtt` so projects that list
 * `extensions: ['mqtt']` load without asking for an unknown extension.
 */
import { EXTENSION_ID } from '../../../blocks';
import { MqttExtension } from '../../scratch/extension';
import type { ScratchVm } from './gui-types';
import { passOnlyChangedBlockInfo } from './quiet-block-refresh';

export function registerMqttExtension(vm: ScratchVm, defaultBrokerUrl: string): MqttExtension {
  const extension = new MqttExtension(vm.runtime, {
    defaultBrokerUrl,
    // The editor's VM keeps its language in its own format-message copy, not in the one bundled
    // here; the language menu calls vm.setLocale, which re-reads getInfo through this.
    locale: () => vm.getLocale(),
  });
  const serviceName = vm.extensionManager._registerInternalExtension(extension);
  vm.extensionManager._loadedExtensions.set(EXTENSION_ID, serviceName);
  passOnlyChangedBlockInfo(vm, EXTENSION_ID);
  return extension;
}
