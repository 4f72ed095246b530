// Imported once by main.tsx: the page hears the desktop menu for as long as it is open.
import { listenForMenuCommands } from './menu-commands';

listenForMenuCommands();
