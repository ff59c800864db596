/* The driver's only source file: the example is about the project's link settings, not the code. */
int DriverEntry(void *driver, void *registry) {
    (void)driver;
    (void)registry;
    return 0;
}
