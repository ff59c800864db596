#include "quic_core.h"

/* A state table of function pointers: absolute addresses, so the image carries base relocations. */
typedef int (*QUIC_STATE_HANDLER)(QUIC_CONNECTION *conn, unsigned int event);

static int QuicStateIdle(QUIC_CONNECTION *conn, unsigned int event) { conn->State = event ? 1u : 0u; return 0; }
static int QuicStateHandshake(QUIC_CONNECTION *conn, unsigned int event) { return QuicTlsHandshake(conn, event); }
static int QuicStateConnected(QUIC_CONNECTION *conn, unsigned int event) { conn->State = event == 2u ? 3u : 2u; return 0; }
static int QuicStateClosed(QUIC_CONNECTION *conn, unsigned int event) { (void)conn; (void)event; return -1; }

static QUIC_STATE_HANDLER const QuicStateTable[] = {
    QuicStateIdle, QuicStateHandshake, QuicStateConnected, QuicStateClosed,
};

int QuicConnOpen(QUIC_CONNECTION *conn, unsigned int id)
{
    conn->Id = id;
    conn->State = 0;
    conn->TlsName = QuicTlsProviderName();
    return 0;
}

int QuicConnStep(QUIC_CONNECTION *conn, unsigned int event)
{
    return QuicStateTable[conn->State & 3u](conn, event);
}
