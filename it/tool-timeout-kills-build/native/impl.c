__declspec(dllexport) int Impl(void) { return 1; }
