import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './App.tsx';
import { installWebSocketBridge } from './bridge/ws-bridge.ts';
import './styles.css';

// Under `liner serve` no preload exists, so `window.liner` comes from the WebSocket bridge.
installWebSocketBridge();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
