#include "quic_core.h"

static const char ProviderName[] = "schannel";
const char *const QuicTlsNames[] = { ProviderName, "schannel-fallback" };

const char *QuicTlsProviderName(void) { return QuicTlsNames[0]; }

int QuicTlsHandshake(QUIC_CONNECTION *conn, unsigned int step)
{
    conn->State = step >= 2u ? 2u : 1u;
    return (int)step;
}
