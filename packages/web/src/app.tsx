import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { router } from './router.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 },
  },
});

const theme = {
  token: {
    // A deeper blue than Ant Design's default: 4.5:1 contrast on white for text and focus rings.
    colorPrimary: '#1554ad',
    borderRadius: 4,
    fontFamily:
      "system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans SC', sans-serif",
  },
};

/** Providers for every page: data fetching, Ant Design in the current language, the router. */
export function App() {
  const { i18n } = useTranslation();
  // Ant Design's texts and its calendars' month and weekday names follow the app's language; dayjs's
  // global locale follows it too (i18n/index.ts). Both locales are small and the entry carries them.
  const chinese = i18n.language === 'zh-CN';
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={chinese ? zhCN : enUS} theme={theme}>
        {/* Ant Design's App gives pages message/notification in the current theme and language. */}
        <AntApp>
          <RouterProvider router={router} />
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
