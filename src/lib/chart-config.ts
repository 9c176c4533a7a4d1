// Mermaid settings shared by the build-time renderer and the browser fallback,
// so both draw the same chart from the same source.
// Noto Sans SC first: the build measures labels with it (loaded from npm), and
// readers without it get their system's CJK font, whose glyphs are as wide.
export const CHART_FONT_FAMILY =
  '"Noto Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif';

export const mermaidConfig = {
  startOnLoad: false,
  securityLevel: 'strict',
  theme: 'base',
  look: 'classic',
  fontFamily: CHART_FONT_FAMILY,
  themeVariables: {
    fontFamily: CHART_FONT_FAMILY,
    fontSize: '15px',
    primaryColor: '#eef4fb',
    primaryBorderColor: '#2f5d8a',
    primaryTextColor: '#10243a',
    lineColor: '#3d5266',
    edgeLabelBackground: '#ffffff',
  },
  flowchart: { htmlLabels: true, curve: 'basis', nodeSpacing: 28, rankSpacing: 36, padding: 10, wrappingWidth: 180 },
} as const;
