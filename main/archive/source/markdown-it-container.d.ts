declare module 'markdown-it-container' {
  import type MarkdownIt from 'markdown-it';
  const container: MarkdownIt.PluginWithParams;
  export default container;
}
