/**
 * A Service: a headless one says so and names its DNS domain (each pod's name is on its edge); a
 * ClusterIP one shows its single VIP, from which thin edges fan out to the ready endpoints.
 */
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { LayoutNode } from '../canvasStore';
import { useCanvasView, useIsExiting } from '../hooks';
import { CanvasKind } from '../model';
import { Appear } from '../motion';
import { Handles, descriptionId } from './Hidden';

function ServiceNodeComponent({ id }: NodeProps<LayoutNode>) {
  const view = useCanvasView(id, CanvasKind.service);
  const isExiting = useIsExiting(id);
  if (!view) return null;
  return (
    <Appear isExiting={isExiting} className={`service-card lane-${view.lane % 4}`}>
      <Handles target={false} />
      <span className="service-row">
        <span className="service-kind">Service</span>
        <span className="service-name mono">{view.name}</span>
        <span className="service-type">{view.isHeadless ? 'headless' : 'ClusterIP'}</span>
      </span>
      <span className="service-row">
        {view.isHeadless ? (
          <span className="service-ip mono">clusterIP: None</span>
        ) : (
          <span className="service-ip mono" title="the Service's virtual IP">
            VIP {view.clusterIP}
          </span>
        )}
        <span className="service-ports mono">{view.ports}</span>
        <span className="service-endpoints">
          {view.readyEndpoints}/{view.endpoints} ready
        </span>
      </span>
      <span className="service-row service-meta" id={descriptionId(id)}>
        <span className="service-dns mono">{view.dnsName}</span>
      </span>
    </Appear>
  );
}

export const ServiceNode = memo(ServiceNodeComponent);
