#include "quic_core.h"

#define QUIC_API_VERSION_2 2u

static QUIC_CONNECTION Connections[4];
static QUIC_CONNECTION *const ConnectionSlots[] = {
    &Connections[0], &Connections[1], &Connections[2], &Connections[3],
};

__declspec(dllexport) int MsQuicOpenVersion(unsigned int version, void **api)
{
    if (version != QUIC_API_VERSION_2 || api == 0) {
        return -1;
    }
    QuicConnOpen(ConnectionSlots[0], 1u);
    *api = ConnectionSlots[0];
    return 0;
}

__declspec(dllexport) void MsQuicClose(const void *api)
{
    if (api == ConnectionSlots[0]) {
        QuicConnStep(ConnectionSlots[0], 3u);
    }
}

__declspec(dllexport) const char *MsQuicTlsProvider(void)
{
    return Connections[0].TlsName ? Connections[0].TlsName : QuicTlsProviderName();
}
