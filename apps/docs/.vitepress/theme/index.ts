import 'katex/dist/katex.min.css';
import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import PlotFigure from '../../components/PlotFigure.vue';

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('PlotFigure', PlotFigure);
  },
} satisfies Theme;
