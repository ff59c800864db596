#ifdef HOTPATCH_IT_BREAK_SECOND
__declspec(dllexport) int second(int a) { return a + undeclared_in_second_c; }
#else
__declspec(dllexport) int second(int a) { return a + 2; }
#endif
