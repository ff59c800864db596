#include "quic_core.h"

static const char ProviderName[] = "openssl";
const char *const QuicTlsNames[] = { ProviderName, "quictls" };

const char *QuicTlsProviderName(void) { return QuicTlsNames[0]; }

int QuicTlsHandshake(QUIC_CONNECTION *conn, unsigned int step)
{
    /* Two round trips before the connection is up, unlike schannel's one. */
    conn->State = step >= 3u ? 2u : 1u;
    return (int)(step * 2u);
}
