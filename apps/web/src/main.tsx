import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import './app/app.css';
import { App } from './app/App';
import { messagesReady } from './app/messages';

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');
// The first render waits for the shell's texts in the visitor's language (no untranslated keys).
void messagesReady().then(() =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
