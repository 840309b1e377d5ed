"""Unlocks a gnome-keyring collection with its password, as the desktop's prompt would: unlock-keyring.py <collection> <password>."""
import sys

import dbus

bus = dbus.SessionBus()
service = bus.get_object('org.freedesktop.secrets', '/org/freedesktop/secrets')
# A "plain" session: the password goes over this private bus as it is, as the prompt would send it.
_, session = service.OpenSession('plain', dbus.String('', variant_level=1), dbus_interface='org.freedesktop.Secret.Service')
secret = dbus.Struct((session, dbus.ByteArray(b''), dbus.ByteArray(sys.argv[2].encode()), 'text/plain'), signature='oayays')
service.UnlockWithMasterPassword(
    dbus.ObjectPath(sys.argv[1]), secret, dbus_interface='org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface'
)
