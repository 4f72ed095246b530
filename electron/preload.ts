import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_NAME, IPC_CHANNEL } from '../shared/api/transport';

// One named function, never ipcRenderer itself: the page can call operations and nothing else.
contextBridge.exposeInMainWorld(BRIDGE_NAME, {
  call: (operation: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(IPC_CHANNEL, operation, input),
});
