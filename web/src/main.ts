import { createApp } from 'vue';
import App from './App.vue';
import { router } from './router';
import { i18n, setLocale } from './i18n';
import './styles.css';

setLocale(i18n.global.locale.value as 'ru' | 'en');
createApp(App).use(i18n).use(router).mount('#app');
