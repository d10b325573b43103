// The homes of issue 13, one chunk: the person's and carers' own pages and the managers'.
export { AskPage } from './AskPage';
export { ComplainPage } from './ComplainPage';
export { OwnHomePage } from './OwnHomePage';
export { PrintCopyPage } from './PrintCopyPage';
export { SeenPage } from './SeenPage';
export { ServiceHomePage } from './ServiceHomePage';
export { TeamHomePage } from './TeamHomePage';
