import './zod-setup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { connectEvents } from './state';
import './styles.css';

connectEvents();
createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
