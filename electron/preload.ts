import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  BRIDGE_NAME,
  IPC_CHANNEL,
  isMenuCommand,
  MENU_COMMAND_CHANNEL,
  PRINT_TO_PDF_CHANNEL,
  SAVE_EXPORT_CHANNEL,
  type DesktopBridge,
  type MenuCommand,
  type PrintToPdfRequest,
  type SaveExportRequest,
} from '../shared/api/transport';

// Named functions, never ipcRenderer itself: the page can call operations and hear menu commands, nothing else.
const bridge = {
  call: (operation: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(IPC_CHANNEL, operation, input),
  printToPdf: (request: PrintToPdfRequest): Promise<unknown> => ipcRenderer.invoke(PRINT_TO_PDF_CHANNEL, request),
  saveExport: (request: SaveExportRequest): Promise<unknown> => ipcRenderer.invoke(SAVE_EXPORT_CHANNEL, request),
  // The callback gets the command only, never the IPC event, which would hand the page ipcRenderer.
  onMenuCommand: (callback: (command: MenuCommand) => void): (() => void) => {
    const listener = (_event: IpcRendererEvent, command: unknown): void => {
      if (isMenuCommand(command)) callback(command);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, listener);
    };
  },
} satisfies DesktopBridge;

contextBridge.exposeInMainWorld(BRIDGE_NAME, bridge);
