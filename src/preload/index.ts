import { contextBridge, ipcRenderer } from 'electron';

import { createIpcLinerApi } from './bridge.ts';

// The page's only way to main: one typed object, `window.liner`.
contextBridge.exposeInMainWorld('liner', createIpcLinerApi(ipcRenderer));
