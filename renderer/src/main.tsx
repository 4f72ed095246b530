import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './api/client';
import { App } from './App';
import './desktop/listen';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
