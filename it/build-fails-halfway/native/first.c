__declspec(dllexport) int first(int a) { return a + 1; }
